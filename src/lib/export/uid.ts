/** Calendar UIDs: the same occurrence always gets the same UID, in the ICS and the CSV. */

/** A UID part safe for any calendar: letters, digits, `-` and `_`; anything else as `.XX`. */
export function uidPart(text: string): string {
  return Array.from(new TextEncoder().encode(text), (b) => {
    const c = String.fromCharCode(b);
    return /[A-Za-z0-9_-]/.test(c) ? c : `.${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }).join('');
}
