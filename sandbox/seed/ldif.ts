/** LDIF content records (RFC 2849) as slapadd, ldapadd and `ldapsearch -LLL` write them; no change records. */

export interface LdifEntry {
  dn: string;
  /** Attribute values by attribute name as written in the file. */
  attributes: Map<string, string[]>;
}

export function parseLdif(text: string): LdifEntry[] {
  const entries: LdifEntry[] = [];
  for (const block of text.replace(/\r\n/g, '\n').split(/\n[ \t]*\n/)) {
    // A line starting with one space continues the line before it, comments included.
    const lines = block
      .replace(/\n /g, '')
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('#') && !/^version:\s*1$/.test(line));
    if (lines.length === 0) {
      continue;
    }
    const [first, ...rest] = lines.map(parseLine);
    if (first.name.toLowerCase() !== 'dn') {
      throw new Error(`LDIF record must start with "dn:", got ${JSON.stringify(lines[0])}`);
    }
    const attributes = new Map<string, string[]>();
    for (const { name, value } of rest) {
      if (name.toLowerCase() === 'changetype') {
        throw new Error(`${first.value}: change records are not supported`);
      }
      attributes.set(name, [...(attributes.get(name) ?? []), value]);
    }
    entries.push({ dn: first.value, attributes });
  }
  return entries;
}

function parseLine(line: string): { name: string; value: string } {
  const match = /^([A-Za-z][\w.;-]*):(:|<)?[ ]*(.*)$/.exec(line);
  if (!match) {
    throw new Error(`not an LDIF attribute line: ${JSON.stringify(line)}`);
  }
  const [, name, kind, raw] = match;
  if (kind === '<') {
    throw new Error(`${name}: values read from URLs are not supported`);
  }
  return { name, value: kind === ':' ? Buffer.from(raw, 'base64').toString('utf8') : raw };
}

/** The values of an attribute, matching its name case-insensitively as LDAP does. */
export function values(entry: LdifEntry, attribute: string): string[] {
  const wanted = attribute.toLowerCase();
  if (wanted === 'dn') {
    return [entry.dn];
  }
  return [...entry.attributes].filter(([name]) => name.toLowerCase() === wanted).flatMap(([, v]) => v);
}

/** The first value of an attribute, or "" (Grafana's getAttribute). */
export function firstValue(entry: LdifEntry, attribute: string): string {
  return values(entry, attribute)[0] ?? '';
}
