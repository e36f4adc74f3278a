/** The admin console's Japanese strings (shared strings live in @kyogikai/ui). */
export const adminJa = {
  app: {
    name: '管理画面',
  },
  signIn: {
    title: 'ログイン',
    lead: '事務局・所管省庁の職員用の画面です。登録されたメールアドレスとパスワードを入力してください。',
    email: 'メールアドレス',
  },
  auth: {
    invalidCredentials: 'メールアドレスまたはパスワードが正しくありません。',
  },
  dashboard: {
    title: 'ダッシュボード',
    welcome: '{{name}} さん、お疲れさまです。',
    accountHeading: 'ログイン中のアカウント',
    displayName: '氏名',
    role: '役割',
    tenant: '協議会',
    email: 'メールアドレス',
  },
  roles: {
    secretariat: '事務局',
    ministry: '所管省庁',
    tenant_admin: '協議会管理者',
    applicant: '申請者',
  },
};
