import { useQuery } from "@tanstack/react-query";
import { api } from "../api";

export const backupStatusKey = ["backup-status"] as const;

/** When the last encrypted backup was made, and whether it is time for one. */
export function useBackupStatus() {
  return useQuery({ queryKey: backupStatusKey, queryFn: api.backupStatus });
}
