/**
 * The portal's Japanese strings. Screen names and button labels are the manual's own (SPEC:
 * applicants look for them by these words); shared strings live in @kyogikai/ui.
 */
export const portalJa = {
  app: {
    name: '会員ポータル',
  },
  signIn: {
    title: 'ログイン',
    lead: '仮アカウント発行時にメールでお知らせしたユーザーID（ログインID）と、登録したパスワードを入力してください。',
    loginId: 'ユーザーID（ログインID）',
  },
  auth: {
    invalidCredentials: 'ユーザーID（ログインID）またはパスワードが正しくありません。',
  },
  session: {
    idleSignedOut: '一定時間操作がなかったため、自動的にログアウトしました。一時保存した内容は、再度ログインすると続きから入力できます。',
  },
  myPage: {
    title: 'マイページ',
    welcome: '{{name}} 様',
    accountHeading: 'アカウント情報',
    displayName: 'お名前',
    loginId: 'ユーザーID（ログインID）',
    email: 'メールアドレス',
    idleNoticeTitle: '＜ご注意＞',
    idleNotice:
      'システム入力中、何も操作がない状態で30分が経過すると、自動的にログアウトされます。入力中の場合、入力した内容が失われないよう、一時保存を行ってください。',
  },
};
