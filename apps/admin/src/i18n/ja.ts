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
    menuHeading: 'メニュー',
  },
  staffPage: {
    title: '職員の管理',
    backToDashboard: 'ダッシュボードへ戻る',
    listHeading: '職員の一覧',
    displayName: '氏名',
    email: 'メールアドレス',
    role: '役割',
    addHeading: '職員の追加',
    addLead:
      '追加した職員には、管理画面のアドレスを記載したお知らせメールが届きます。初期パスワードはメールに記載されないため、ご本人へ別途お伝えください。',
    initialPassword: '初期パスワード',
    initialPasswordHint: 'ご本人へ別途お伝えください。',
    addButton: '職員を追加する',
    added: '{{name}} さんを追加しました。お知らせメールを送信します。',
    onlyAdminsAdd: '職員の追加は協議会管理者が行います。',
  },
  roles: {
    secretariat: '事務局',
    ministry: '所管省庁',
    tenant_admin: '協議会管理者',
    applicant: '申請者',
  },
};
