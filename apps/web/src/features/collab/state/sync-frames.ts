/**
 * The two y-websocket frames the acknowledgement probe needs, written and read by hand
 * (lib0's varints): message type 0 (sync), then sync type 0 (step 1) or 1 (step 2).
 */
const MESSAGE_SYNC = 0;
const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;

function writeVarUint(out: number[], value: number): void {
  let rest = value;
  while (rest > 0x7f) {
    out.push(0x80 | (rest & 0x7f));
    rest = Math.floor(rest / 128);
  }
  out.push(rest);
}

/** A sync step 1 frame carrying `stateVector` (from `Y.encodeStateVector`). */
export function syncStep1Frame(stateVector: Uint8Array): Uint8Array<ArrayBuffer> {
  const head: number[] = [MESSAGE_SYNC, SYNC_STEP_1];
  writeVarUint(head, stateVector.length);
  const frame = new Uint8Array(head.length + stateVector.length);
  frame.set(head, 0);
  frame.set(stateVector, head.length);
  return frame;
}

/** Whether a frame received from the server is a sync step 2 (the answer to a step 1). */
export function isSyncStep2Frame(frame: Uint8Array): boolean {
  return frame.length >= 2 && frame[0] === MESSAGE_SYNC && frame[1] === SYNC_STEP_2;
}
