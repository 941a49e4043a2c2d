import ICAL from "ical.js";

/** One VEVENT as a calendar client reads it. */
export interface ParsedEvent {
  uid: string;
  sequence: number;
  start: Date;
  end: Date;
  startZone: string;
  summary: string;
  description: string;
  location: string | null;
  url: string | null;
  status: string | null;
  organizer: string | null;
  attendees: string[];
}

function text(component: ICAL.Component, name: string): string | null {
  const value = component.getFirstPropertyValue(name);
  return value === null ? null : String(value as string);
}

/** Parses iCalendar text with ical.js (a real parser): the calendar's METHOD and its events. */
export function parseCalendar(ics: string): { method: string | null; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents("vevent").map((vevent): ParsedEvent => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      sequence: event.sequence,
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
      startZone: event.startDate.zone?.tzid ?? "",
      summary: event.summary,
      description: event.description,
      location: text(vevent, "location"),
      url: text(vevent, "url"),
      status: text(vevent, "status"),
      organizer: text(vevent, "organizer"),
      attendees: vevent
        .getAllProperties("attendee")
        .map((p) => String(p.getFirstValue()).replace(/^mailto:/i, "mailto:")),
    };
  });
  return { method: text(calendar, "method"), events };
}
