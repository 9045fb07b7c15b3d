// How each kind of calendar event looks and reads: a word, an icon and a colour (never
// the colour alone), and a few words saying what happens. One entry per kind: a kind
// added to the backend's `CalendarEventKind` fails the type check until it has one.

import {
  IconCalendarEvent,
  IconDoorEnter,
  IconDoorExit,
  IconLockOpen,
  IconReceiptRefund,
  type Icon,
} from "@tabler/icons-react";
import type { CalendarEvent, CalendarEventKind } from "../api";
import { formatAmount } from "../format/amount";
import { routeHref } from "../shell/route";

export type EventKindLooks = {
  /** The kind in words: "Sale opens". */
  label: string;
  color: string;
  Icon: Icon;
  /** What happens, in a few words: "Aurora Network opens", "Unlock of 1,250 AUR". */
  title: (event: CalendarEvent) => string;
};

const eventKinds = {
  sale_opens: { label: "Sale opens", color: "teal", Icon: IconDoorEnter, title: (event) => `${event.projectName} opens` },
  sale_closes: { label: "Sale closes", color: "grape", Icon: IconDoorExit, title: (event) => `${event.projectName} closes` },
  unlock: {
    label: "Unlock",
    color: "indigo",
    Icon: IconLockOpen,
    title: (event) => (event.amount ? `Unlock of ${formatAmount(event.amount)}` : `${event.projectName} unlocks tokens`),
  },
  refund_deadline: {
    label: "Refund deadline",
    color: "cyan",
    Icon: IconReceiptRefund,
    title: (event) => `Refund deadline of ${event.projectName}`,
  },
} satisfies Record<CalendarEventKind, EventKindLooks>;

/** A kind this version does not know (sent by a newer backend): shown plainly, never dropped. */
const unknownKind: EventKindLooks = {
  label: "Event",
  color: "gray",
  Icon: IconCalendarEvent,
  title: (event) => event.projectName,
};

export function eventKindLooks(kind: string): EventKindLooks {
  return Object.hasOwn(eventKinds, kind) ? eventKinds[kind as CalendarEventKind] : unknownKind;
}

/** Where an event leads: the participation it is about (an unlock), else its sale. */
export function eventHref(event: CalendarEvent): string {
  if (event.participationId !== null) {
    return routeHref({ area: "participations", view: "detail", participationId: event.participationId });
  }
  return routeHref({ area: "sales", view: "detail", saleId: event.saleId });
}

/** The project an event is about, when its title does not already name it. */
export function eventSubject(event: CalendarEvent): string | null {
  const title = eventKindLooks(event.kind).title(event);
  return title.includes(event.projectName) ? null : event.projectName;
}
