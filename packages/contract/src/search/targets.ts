/** A source observed by CTAO, ICRS degrees (CTAO-DATA.md §4; the demo seed points at these). */
export interface SkyTarget {
  name: string;
  ra: number;
  dec: number;
  site: 'CTAO-North' | 'CTAO-South';
}

export const TARGETS: readonly SkyTarget[] = [
  { name: 'Crab', ra: 83.63308, dec: 22.0145, site: 'CTAO-North' },
  { name: 'Mrk 421', ra: 166.11381, dec: 38.20883, site: 'CTAO-North' },
  { name: 'Mrk 501', ra: 253.46757, dec: 39.76017, site: 'CTAO-North' },
  { name: '1ES 1959+650', ra: 299.99938, dec: 65.14851, site: 'CTAO-North' },
  { name: 'PKS 2155-304', ra: 329.71694, dec: -30.22559, site: 'CTAO-South' },
  { name: 'Sgr A*', ra: 266.41683, dec: -29.00781, site: 'CTAO-South' },
  { name: 'Vela pulsar', ra: 128.83606, dec: -45.17643, site: 'CTAO-South' },
];

const squash = (name: string): string => name.toLowerCase().replace(/\s+/g, '');

/** The target called `name`, ignoring case and spaces (`mrk421` finds Mrk 421). */
export const findTarget = (name: string): SkyTarget | undefined =>
  TARGETS.find((t) => squash(t.name) === squash(name));
