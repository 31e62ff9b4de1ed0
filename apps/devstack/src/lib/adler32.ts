/** Shared with the e2e tests (their fresh files need Rucio's checksum too). */
export { adler32Hex } from '@bdms/dev-fixtures';
