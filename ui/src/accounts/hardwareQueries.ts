// A hardware wallet holds public data only as far as Saleguard sees it (addresses,
// paths), so its answers are cached like accounts. The device is asked again only when
// the user says so ("Check again", another page): each question takes it a moment, and
// a question while it shows a prompt finds it busy.

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type HardwareAddressesInput } from "../api";

export const hardwareQueryKeys = {
  all: ["hardware"] as const,
  devices: () => [...hardwareQueryKeys.all, "devices"] as const,
  addressesAll: () => [...hardwareQueryKeys.all, "addresses"] as const,
  /** `checkedAt` is when the devices were last asked for: a new check lists the addresses again. */
  addresses: (input: HardwareAddressesInput, checkedAt: number) =>
    [...hardwareQueryKeys.addressesAll(), input.wallet, input.scheme, input.start, input.count, checkedAt] as const,
};

/** While a device is found but none is ready (locked, app closed), how often to look again. */
export const DEVICE_RECHECK_MS = 3000;

/**
 * The devices connected now; asked each time the page opens and when the user checks
 * again, and every few seconds while one is found but none is ready (the user is
 * unlocking it).
 */
export function useHardwareDevices() {
  return useQuery({
    queryKey: hardwareQueryKeys.devices(),
    queryFn: api.listHardwareDevices,
    staleTime: 0,
    refetchOnWindowFocus: false,
    refetchInterval: (query) => {
      const devices = query.state.data;
      const waiting = devices !== undefined && devices.length > 0 && !devices.some((device) => device.state === "ready");
      return waiting ? DEVICE_RECHECK_MS : false;
    },
  });
}

/** The device's addresses along a path scheme, asked only while `enabled` (a device is ready). */
export function useHardwareAddresses(input: HardwareAddressesInput, checkedAt: number, enabled: boolean) {
  return useQuery({
    queryKey: hardwareQueryKeys.addresses(input, checkedAt),
    queryFn: () => api.listHardwareAddresses(input),
    enabled,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

/** After an address became an account: its row says "Already added" the next time it is listed. */
export function useForgetHardwareAddresses() {
  const queryClient = useQueryClient();
  return () => queryClient.removeQueries({ queryKey: hardwareQueryKeys.addressesAll() });
}
