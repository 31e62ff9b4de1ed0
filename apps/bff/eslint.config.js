import { bff } from '@bdms/config/eslint';

export default bff(import.meta.dirname);
