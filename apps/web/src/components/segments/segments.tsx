import { useId } from 'react';
import classes from './segments.module.css';

interface SegmentsProps<V extends string> {
  /** The group's accessible name. */
  label: string;
  value: V;
  data: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
}

/**
 * A two-or-three-way choice drawn as joined segments: native radio buttons (arrow keys move, the
 * group is one tab stop), styled with Mantine's theme variables. For a page's first load it
 * weighs a few hundred bytes where Mantine's SegmentedControl, with its animated indicator,
 * weighs 3 kB gzipped.
 */
export function Segments<V extends string>({ label, value, data, onChange }: SegmentsProps<V>) {
  const name = useId();
  return (
    <div role="radiogroup" aria-label={label} className={classes.root}>
      {data.map((item) => (
        <label key={item.value} className={classes.segment}>
          <input
            type="radio"
            className={classes.input}
            name={name}
            value={item.value}
            checked={item.value === value}
            onChange={() => {
              onChange(item.value);
            }}
          />
          <span className={classes.label}>{item.label}</span>
        </label>
      ))}
    </div>
  );
}
