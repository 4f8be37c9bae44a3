// Epoch milliseconds of an ISO 8601 instant, as Date.parse gives them. Replay reads the business
// time of every sale, and Date.parse (a general parser of many shapes) is a tenth of the sales
// ledger's fold; the log writes one family of shapes — `YYYY-MM-DDTHH:MM[:SS[.sss]]` with `Z`
// or `±HH:MM` — which this reads digit by digit. Anything else, and any field out of its range,
// goes to Date.parse, so the answer is Date.parse's for every string (a property test holds it).

const digit = (s: string, i: number): number => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -100; // a non-digit makes the sum negative
};
const two = (s: string, i: number): number => digit(s, i) * 10 + digit(s, i + 1);

const daysIn = (year: number, month: number): number =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;

/** Date.parse, read directly when the instant has the shape the log writes. */
export const isoMillis = (s: string): number => {
  const n = s.length;
  if (n < 17 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58) return Date.parse(s);
  const year = two(s, 0) * 100 + two(s, 2);
  const month = two(s, 5);
  const day = two(s, 8);
  const hour = two(s, 11);
  const minute = two(s, 14);
  let i = 16;
  let second = 0;
  let milli = 0;
  if (s.charCodeAt(i) === 58) {
    second = two(s, i + 1);
    i += 3;
    if (s.charCodeAt(i) === 46) {
      milli = digit(s, i + 1) * 100 + two(s, i + 2);
      i += 4;
    }
  }
  // years below 100 are read by Date.UTC as 19xx: leave them, and every odd field, to Date.parse
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || milli < 0)
    return Date.parse(s);
  const local = Date.UTC(year, month - 1, day, hour, minute, second, milli);
  const zone = s.charCodeAt(i);
  if (zone === 90 && i + 1 === n) return local; // Z
  if ((zone === 43 || zone === 45) && i + 6 === n && s.charCodeAt(i + 3) === 58) {
    const oh = two(s, i + 1);
    const om = two(s, i + 4);
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return Date.parse(s);
    const offset = (oh * 60 + om) * 60_000;
    return zone === 43 ? local - offset : local + offset;
  }
  return Date.parse(s);
};
