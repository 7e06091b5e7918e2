/**
 * A phonetic key for one folded (ASCII, lower-case) name token. It merges the spellings under which
 * the same regional name appears across Serbian, Macedonian, Croatian, Bosnian and Albanian records:
 *   d, đ/dj, dž/dz/xh/џ, gj/ѓ          -> d   (clerks type Đ as D; Albanian xh = dž, gj = đ)
 *   c, č, ć, ch, q, kj/ќ, ç, ts        -> c
 *   š/sh -> s, ž/zh -> z, th -> t, dh -> d, ph -> f, w -> v, y -> i, x -> ks
 *   ij before a vowel -> i (Marija / Maria), doubled letters once (Ll, rr), final e/ë dropped;
 *   j after a vowel and not before one -> i (Sergej / Sergei / Sergey, -skij / -skiy / -sky), and
 *   oo, ou -> u (Nooristani / Nuristani, Mahmoud / Mahmood), as foreign romanisations write them.
 * Two different real names can share a key; the key only proposes, the comparison decides.
 */
export function phoneticKey(folded: string): string {
  let out = '';
  const n = folded.length;
  let i = 0;
  while (i < n) {
    const c = folded[i] as string;
    const next = folded[i + 1] ?? '';
    let emit: string;
    let step = 1;
    if (c < 'a' || c > 'z') {
      i++;
      continue;
    }
    switch (c) {
      case 'd':
        if (next === 'z' && folded[i + 2] === 'h') {
          emit = 'd';
          step = 3;
        } else if (next === 'j' || next === 'z' || next === 'h') {
          emit = 'd';
          step = 2;
        } else emit = 'd';
        break;
      case 'x':
        if (next === 'h') {
          emit = 'd';
          step = 2;
        } else emit = 'ks';
        break;
      case 'g':
        if (next === 'j') {
          emit = 'd';
          step = 2;
        } else emit = 'g';
        break;
      case 'k':
        if (next === 'j') {
          emit = 'c';
          step = 2;
        } else if (next === 'h') {
          emit = 'h';
          step = 2;
        } else emit = 'k';
        break;
      case 'q':
        emit = 'c';
        break;
      case 'c':
        // ch (č) is c; ck (German, English) is k.
        emit = next === 'k' ? 'k' : 'c';
        if (next === 'h' || next === 'k') step = 2;
        break;
      case 't':
        if (next === 'h') step = 2;
        else if (next === 's') step = 2;
        emit = next === 's' ? 'c' : 't';
        break;
      case 's':
      case 'z':
        if (next === 'h') step = 2;
        emit = c;
        break;
      case 'p':
        if (next === 'h') {
          emit = 'f';
          step = 2;
        } else emit = 'p';
        break;
      case 'w':
        emit = 'v';
        break;
      case 'y':
        emit = 'i';
        break;
      case 'i':
        emit = 'i';
        if (next === 'j' && isVowel(folded[i + 2])) step = 2;
        break;
      case 'j':
        emit = i > 0 && isVowel(folded[i - 1]) && !isVowel(next) ? 'i' : 'j';
        break;
      case 'o':
        if (next === 'o' || next === 'u') {
          emit = 'u';
          step = 2;
        } else emit = 'o';
        break;
      default:
        emit = c;
    }
    out = append(out, emit);
    i += step;
  }
  if (out.length > 2 && out.endsWith('e')) out = out.slice(0, -1);
  return out;
}

function append(out: string, emit: string): string {
  return out.length > 0 && out[out.length - 1] === emit ? out : out + emit;
}

function isVowel(ch: string | undefined): boolean {
  return ch === 'a' || ch === 'e' || ch === 'i' || ch === 'o' || ch === 'u';
}
