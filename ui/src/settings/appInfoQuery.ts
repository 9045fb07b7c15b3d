import { useQuery } from "@tanstack/react-query";
import { api } from "../api";

export function useAppInfo() {
  return useQuery({ queryKey: ["appInfo"], queryFn: api.appInfo, staleTime: Infinity });
}
