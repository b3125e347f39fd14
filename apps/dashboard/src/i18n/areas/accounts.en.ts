import type { accountsZh } from './accounts.zh';
import type { Shape } from '../shape';

export const accountsEn: Shape<typeof accountsZh> = {
  users: {
    title: 'Users', create: 'New user', edit: 'Edit user', bulk: 'Create liaison accounts', import: 'Import users', searchPlaceholder: 'Search username, name or phone',
    username: 'Username', displayName: 'Name', role: 'Role', unit: 'Unit', phone: 'Phone', status: 'Status', lastSignIn: 'Last sign-in', never: 'Never',
    active: 'Active', disabled: 'Disabled', mustChange: 'Must change password', mustChangeShort: 'New password', more: 'More', disable: 'Disable', enable: 'Enable', resetPassword: 'Reset password', endSessions: 'End sessions',
    disableConfirm: 'Disable {{name}}? All their sessions end now; the account is kept (audit entries keep their name).', resetConfirm: 'Generate a new one-time password for {{name}}? Their sessions end now and the next sign-in must change it.',
    endSessionsConfirm: 'End all sessions of {{name}}?', sessionsEnded: '{{count}} sessions ended', saved: 'Saved', enabled: 'Enabled', disabledDone: 'Disabled',
    oneTimeTitle: 'One-time password', oneTimeHelp: 'Give {{name}} the username and this one-time password. It is shown only now and must be changed at first sign-in.', copy: 'Copy', copied: 'Copied',
    unitPlaceholder: 'Unit (required for a liaison)', allRoles: 'All roles', allStatuses: 'All statuses', allUnits: 'All units',
    bulkHelp: 'Creates one liaison account per chosen unit (username lly- plus the unit code); the one-time passwords are in the downloaded Excel sheet for the office to hand out and must be changed at first sign-in.',
    scope: 'Scope', scopeAll: 'All units in force', scopeGroup: 'A group', scopeKind: 'A kind of unit', scopeUnits: 'Chosen units', group: 'Group', kind: 'Kind', units: 'Units',
    skipExisting: 'Skip units that already have a liaison', bulkRun: 'Create and download the sheet', bulkDone: '{{count}} liaison accounts created; the sheet was downloaded', bulkSkipped: '{{count}} units skipped (already have a liaison)', bulkNone: 'No accounts to create',
    importHelp: '.xlsx (first sheet) or CSV with the header 用户名, 姓名, 角色, 单位编码, 手机. Role is 管理员/考评员/单位联络员/领导 (or admin/assessor/liaison/leader); a liaison needs a unit code. One bad row rejects the whole file.',
    importRun: 'Import', importDone: '{{count}} users imported; the password sheet was downloaded', importFailed: 'The file was not imported. Fix these problems:', row: 'Row', column: 'Column', problem: 'Problem', chooseFile: 'Choose file',
    downloadAgain: 'Download the sheet again',
  },
  account: {
    title: 'My account', changePassword: 'Change password', currentPassword: 'Current password', newPassword: 'New password', confirmPassword: 'Confirm new password', mismatch: 'The new passwords differ',
    policy: 'At least 10 characters, not containing your username, not a common password or keyboard pattern; several unrelated words with digits and symbols work well.', changed: 'Password changed; your other devices were signed out',
    sessions: 'My sessions', sessionStarted: 'Signed in', sessionExpires: 'Expires', sessionIp: 'IP address', current: 'This session', end: 'End', signOutEverywhere: 'Sign out everywhere',
    signOutEverywhereConfirm: 'End all your sessions, this one included?', forcedTitle: 'Change your one-time password', forcedHelp: 'You are using a password an administrator gave you. Change it to continue.', myAccount: 'My account',
  },
  setup: {
    noAdmin: 'There is no administrator yet', noAdminHelp: 'This is a new, empty database. On the server, run this command to create the first administrator, then sign in with it:',
  },
  audit: {
    user_create: 'User created', user_update: 'User changed', user_disable: 'User disabled', user_enable: 'User enabled', user_password_reset: 'Password reset', user_password_change: 'Password changed',
    user_sessions_end: 'Sessions ended', session_end: 'One session ended', 'user_bulk-create': 'Liaison accounts created', user_import: 'Users imported',
  },
};
