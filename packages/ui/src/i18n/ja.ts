/**
 * Shared Japanese strings (the primary language, SPEC G5). Keys under `auth`, `validation`,
 * `password` and `common` mirror the `messageKey`s the API returns, so a server error is
 * translated by looking its key up here. Each app adds its own catalogue on top and may override
 * a shared sentence where its wording differs (e.g. which identifier the sign-in form asks for).
 */
export const uiJa = {
  layout: {
    skipToContent: '本文へ移動',
    languageNav: '表示言語',
    switchToEnglish: 'English',
    switchToJapanese: '日本語',
    contactHeading: 'お問い合わせ先',
    contactEmail: 'メール',
    contactPhone: '電話',
    contactHours: '受付時間',
    signedInAs: 'ログイン中：{{name}}',
    loading: '読み込み中です…',
  },
  auth: {
    password: 'パスワード',
    signIn: 'ログイン',
    signOut: 'ログアウト',
    invalidCredentials: 'ログイン情報が正しくありません。入力内容を確認してください。',
    throttled: 'ログインの試行回数が多すぎます。{{minutes}}分ほど待ってから再度お試しください。',
    throttled_noParams: 'ログインの試行回数が多すぎます。しばらく待ってから再度お試しください。',
    accountLocked: 'アカウントがロックされています。{{minutes}}分後に再度お試しいただくか、事務局へお問い合わせください。',
    accountLocked_noParams: 'アカウントがロックされています。事務局へお問い合わせください。',
    sessionExpired: 'ログインの有効期限が切れました。再度ログインしてください。',
    loginIdRequired: 'ユーザーID（ログインID）を入力してください。',
    emailRequired: 'メールアドレスを入力してください。',
    passwordRequired: 'パスワードを入力してください。',
  },
  session: {
    signedOut: 'ログアウトしました。',
    idleSignedOut: '一定時間操作がなかったため、自動的にログアウトしました。再度ログインしてください。',
  },
  idle: {
    title: 'まもなく自動的にログアウトします',
    body: '操作がない状態が続いているため、あと{{time}}で自動的にログアウトします。',
    instruction: '引き続き利用する場合は「ログインを延長する」を押してください。',
    extend: 'ログインを延長する',
    signOut: 'ログアウトする',
    minutesSeconds: '{{minutes}}分{{seconds}}秒',
    seconds: '{{seconds}}秒',
    extendFailed: 'ログインを延長できませんでした。もう一度お試しください。',
  },
  form: {
    required: '必須',
    optional: '任意',
    errorSummaryTitle: '入力内容を確認してください',
    errorSummaryItem: '{{label}}：{{message}}',
    sending: '送信中です…',
  },
  validation: {
    failed: '入力内容に誤りがあります。各項目のメッセージを確認してください。',
    required: '入力してください。',
    email: 'メールアドレスの形式が正しくありません。',
    invalid: '入力内容が正しくありません。',
    tooShort: '{{min}}文字以上で入力してください。',
    tooLong: '{{max}}文字以内で入力してください。',
  },
  password: {
    tooShort: '{{min}}文字以上で入力してください。',
    tooLong: '{{max}}文字以内で入力してください。',
    needsLetter: '英字を1文字以上含めてください。',
    needsDigit: '数字を1文字以上含めてください。',
  },
  common: {
    unauthorized: 'ログインしてください。',
    forbidden: 'この操作を行う権限がありません。',
    notFound: 'お探しの情報は見つかりませんでした。',
    internal: 'システムエラーが発生しました。時間をおいて再度お試しください。',
    network: '通信できませんでした。インターネット接続を確認して、再度お試しください。',
    conflict: 'ほかの操作で内容が更新されました。画面を再読み込みしてから、もう一度お試しください。',
    crossOriginRefused: 'この操作は受け付けられませんでした。画面を再読み込みしてから、もう一度お試しください。',
    backToTop: 'トップページへ戻る',
  },
  tenant: {
    unknown: 'このアドレスに対応する協議会はありません。URL をご確認ください。',
  },
  notFound: {
    title: 'ページが見つかりません',
    body: 'お探しのページは移動または削除されたか、URL が間違っている可能性があります。',
  },
};

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
/** A catalogue with exactly the keys of the Japanese one: a missing English string fails typecheck. */
export type CatalogueOf<T> = DeepStrings<T>;
export type UiCatalogue = CatalogueOf<typeof uiJa>;
