import { node } from '@bdms/config/eslint';

export default node(import.meta.dirname);
