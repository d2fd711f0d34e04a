import type { IdSource } from "./id-source.js";

/** A Zoom Room that devices can belong to; a personal Zoom Room belongs to one user. */
export interface ZoomRoomRecord {
  id: string;
  name: string;
  /** The user whose personal Zoom Room this is, if it is one. */
  personalFor?: string;
}

/**
 * The account's Zoom Rooms, as far as device management needs them: an id, a name and, for a
 * personal room, its user. The Zoom Rooms API itself is not part of this mock, so tests add rooms
 * through {@link ZoomRooms.add}.
 */
export class ZoomRooms {
  readonly #rooms: ZoomRoomRecord[] = [];
  readonly #ids: IdSource;

  constructor(ids: IdSource) {
    this.#ids = ids;
  }

  /** Test hook: creates a room (a personal one when `personalFor` names a user id). */
  add(input: { name: string; personalFor?: string }): ZoomRoomRecord {
    const room: ZoomRoomRecord = { id: this.#ids.entityId(), name: input.name };
    if (input.personalFor !== undefined) room.personalFor = input.personalFor;
    this.#rooms.push(room);
    return { ...room };
  }

  /** The room with this id, if any. */
  find(roomId: string): ZoomRoomRecord | undefined {
    return this.#rooms.find((room) => room.id === roomId);
  }

  /** Whether the room is one of the user's personal Zoom Rooms. */
  isPersonalRoomOf(roomId: string, userId: string): boolean {
    return this.find(roomId)?.personalFor === userId;
  }
}
