import type { CloseCode } from "@entente/protocol";
import { DocumentRoom, type RoomServices } from "./document-room.js";

/**
 * The documents loaded in this process. A room stays loaded while a socket uses it
 * and until everything it received is stored; then it is unloaded.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, DocumentRoom>();

  constructor(private readonly services: RoomServices) {
    // Back from a bus outage: every loaded document may have missed other instances' updates.
    services.bus.onReconnect(() => {
      for (const room of this.rooms.values()) room.rejoin();
    });
  }

  get size(): number {
    return this.rooms.size;
  }

  /** The loaded room of a document, if any. */
  get(name: string): DocumentRoom | undefined {
    return this.rooms.get(name);
  }

  open(name: string): DocumentRoom {
    let room = this.rooms.get(name);
    if (!room) {
      room = new DocumentRoom(name, this.services, (failed) => this.forget(failed));
      this.rooms.set(name, room);
      this.services.metrics.documentLoaded();
    }
    return room;
  }

  /** Called when a socket left: unload the room once it is empty and idle. */
  release(room: DocumentRoom): void {
    if (room.connectionCount > 0) return;
    const tail = room.queueTail;
    void tail.then(() => {
      if (room.connectionCount > 0) return;
      // More work was queued meanwhile (a flush, or someone joined, sent and left).
      if (room.queueTail !== tail) return this.release(room);
      this.unload(room);
    });
  }

  /** Closes every socket with `code` and waits until every room has stored what it received. */
  async closeAll(code: CloseCode): Promise<void> {
    const rooms = [...this.rooms.values()];
    for (const room of rooms) room.closeAll(code);
    await Promise.all(rooms.map((room) => room.whenIdle()));
    for (const room of rooms) this.unload(room);
  }

  private forget(room: DocumentRoom): void {
    if (this.rooms.get(room.name) !== room) return;
    this.rooms.delete(room.name);
    this.services.metrics.documentUnloaded();
  }

  private unload(room: DocumentRoom): void {
    this.forget(room);
    room.destroy();
  }
}
