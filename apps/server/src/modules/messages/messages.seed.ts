export async function seedDemoMessages(): Promise<number> {
  return 0;
}
