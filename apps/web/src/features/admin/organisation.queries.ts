import { useQuery } from '@tanstack/react-query';
import { adminApi } from './admin.api.ts';

/** Every agency the user may see (a few hundred at most); pickers filter them in the browser. */
export function useAgencies() {
  return useQuery({ queryKey: ['agencies'], queryFn: () => adminApi.agencies(), staleTime: 60_000 });
}

export function useUnits(agencyId: string | undefined) {
  return useQuery({
    queryKey: ['units', agencyId],
    queryFn: () => adminApi.units({ agencyId }),
    enabled: Boolean(agencyId),
    staleTime: 60_000,
  });
}

export function useJurisdictions() {
  return useQuery({ queryKey: ['jurisdictions'], queryFn: adminApi.jurisdictions, staleTime: 60_000 });
}
