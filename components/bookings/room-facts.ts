type Translate = (key: string, values?: Record<string, string | number>) => string;

interface RoomLike {
  setting: 'indoor' | 'outdoor';
  floor: number | null;
  aboveGround?: boolean;
  capacity: number | null;
  accessibilityNotes: string | null;
}

/** What a resident asks before booking a room, in words: how many fit, which floor, step-free access. */
export function roomFacts(room: RoomLike, t: Translate): string[] {
  const facts: string[] = [];
  if (room.capacity !== null) facts.push(t('capacity', { count: room.capacity }));
  if (room.setting === 'outdoor') facts.push(t('outdoor'));
  else if (room.floor !== null) facts.push(room.aboveGround === false ? t('floorBelow', { floor: room.floor }) : t('floor', { floor: room.floor }));
  if (room.accessibilityNotes) facts.push(t('accessibility', { notes: room.accessibilityNotes }));
  return facts;
}
