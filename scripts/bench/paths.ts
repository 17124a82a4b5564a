import { join, resolve } from 'path';

export const REPO_ROOT = resolve(__dirname, '../..');
export const MODULE_JS = join(REPO_ROOT, 'dist/module.js');
export const SHELL_JS = join(REPO_ROOT, 'sandbox/shell/dist/shell.js');
export const PAGE_PATH = '/a/sessioncontrol-admin-app/sessions';
