// Contracts of this module are added here by the module's owner.
export {};
