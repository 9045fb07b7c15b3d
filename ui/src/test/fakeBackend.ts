// Mocks the Tauri IPC layer, so tests run the real api.ts and bindings.ts code path.
import { mockIPC } from "@tauri-apps/api/mocks";
import type { InvokeArgs } from "@tauri-apps/api/core";

export type IpcCall = { command: string; args: InvokeArgs | undefined };

/** A command handler returns the reply, or throws what the backend would reject with (an AppError). */
export type CommandHandler = (args: InvokeArgs | undefined) => unknown;

/**
 * Installs handlers per command and records every call. A command with no handler
 * fails the test loudly instead of answering with something invented.
 */
export function fakeBackend(handlers: Record<string, CommandHandler>): { calls: IpcCall[]; callsTo: (command: string) => IpcCall[] } {
  const calls: IpcCall[] = [];
  mockIPC((command, args) => {
    calls.push({ command, args });
    const handler = handlers[command];
    if (!handler) {
      throw new Error(`The test did not expect the command "${command}"`);
    }
    return handler(args);
  });
  return { calls, callsTo: (command) => calls.filter((call) => call.command === command) };
}
