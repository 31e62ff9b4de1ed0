import { react } from '@bdms/config/eslint';

export default react(import.meta.dirname);
