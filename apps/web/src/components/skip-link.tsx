import classes from './skip-link.module.css';

export const MAIN_CONTENT_ID = 'main-content';

/** First tab stop on every page: jumps keyboard users past the header and navigation. */
export function SkipLink() {
  return (
    <a href={`#${MAIN_CONTENT_ID}`} className={classes.skip}>
      Skip to content
    </a>
  );
}
