/** Utilities.formatDate: the SimpleDateFormat letters the add-on uses (y M d H h m s a E), in a time zone. */

export function formatDate(date: Date, timeZone: string, pattern: string): string {
  if (Object.prototype.toString.call(date) !== '[object Date]' || Number.isNaN(date.getTime())) throw new Error('Invalid argument: date');
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
      hourCycle: 'h23',
    }).formatToParts(date);
  } catch {
    throw new Error(`Invalid argument: timeZone`);
  }
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  const fields: Record<string, string> = {
    y: get('year'),
    M: get('month'),
    d: get('day'),
    H: get('hour'),
    m: get('minute'),
    s: get('second'),
    E: get('weekday'),
  };
  let out = '';
  for (let i = 0; i < pattern.length;) {
    const ch = pattern[i];
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      out += end === i + 1 ? "'" : pattern.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    let j = i;
    while (pattern[j] === ch) j++;
    const width = j - i;
    const hour = Number(fields.H);
    switch (ch) {
      case 'y':
        out += width === 2 ? fields.y.slice(-2) : fields.y;
        break;
      case 'M':
        out +=
          width >= 3
            ? new Intl.DateTimeFormat('en-US', { timeZone, month: width === 3 ? 'short' : 'long' }).format(date)
            : width === 1
              ? String(Number(fields.M))
              : fields.M;
        break;
      case 'd':
      case 'H':
      case 'm':
      case 's':
        out += width === 1 ? String(Number(fields[ch])) : fields[ch];
        break;
      case 'h':
        out += String(hour % 12 === 0 ? 12 : hour % 12).padStart(width, '0');
        break;
      case 'a':
        out += hour < 12 ? 'AM' : 'PM';
        break;
      case 'E':
        out += fields.E;
        break;
      default:
        out += ch.repeat(width);
    }
    i = j;
  }
  return out;
}
