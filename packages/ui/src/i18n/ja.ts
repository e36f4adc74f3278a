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
    choose: '選択してください',
  },
  combobox: {
    showOptions: '{{label}}の候補を表示',
    matches: '候補が{{count}}件あります。',
    noMatches: '該当する候補がありません。入力した文字を確認してください。',
  },
  validation: {
    failed: '入力内容に誤りがあります。各項目のメッセージを確認してください。',
    required: '入力してください。',
    email: 'メールアドレスの形式が正しくありません。',
    invalid: '入力内容が正しくありません。',
    tooShort: '{{min}}文字以上で入力してください。',
    tooShort_noParams: '入力された文字数が足りません。',
    tooLong: '{{max}}文字以内で入力してください。',
    tooLong_noParams: '入力できる文字数を超えています。',
    phone: '電話番号は数字とハイフンで入力してください（例：03-1234-5678）。',
  },
  password: {
    tooShort: '{{min}}文字以上で入力してください。',
    // The API's password schema sends no values; the rule itself is 8 characters (SPEC A2).
    tooShort_noParams: '8文字以上で入力してください。',
    tooLong: '{{max}}文字以内で入力してください。',
    tooLong_noParams: 'パスワードが長すぎます。',
    needsLetter: '英字を1文字以上含めてください。',
    needsDigit: '数字を1文字以上含めてください。',
  },
  passwordRules: {
    title: 'パスワードの条件',
    rule: '8文字以上で、英字と数字をそれぞれ1文字以上含めてください。',
    minLength: '{{min}}文字以上',
    letter: '英字を1文字以上含む',
    digit: '数字を1文字以上含む',
    met: '（満たしています）',
    notMet: '（まだ満たしていません）',
    tooLong: 'パスワードが長すぎます。',
  },
  account: {
    emailMismatch: 'メールアドレスが一致しません。同じメールアドレスを入力してください。',
    passwordMismatch: 'パスワードが一致しません。同じパスワードを入力してください。',
    consentRequired: '内容をお読みのうえ、同意にチェックを入れてください。',
    consentOutdated: '同意していただく文書が更新されました。最新の内容をお読みのうえ、あらためて同意にチェックを入れてください。',
    tooManyRequests: '短時間に申請が繰り返されました。{{minutes}}分ほど待ってから再度お試しください。',
    tooManyRequests_noParams: '短時間に申請が繰り返されました。しばらく待ってから再度お試しください。',
    linkInvalid: 'このリンクは正しくありません。メールに記載の URL が途中で切れていないか確認してください。',
    linkExpired: 'このリンクは有効期限が切れています。新しいリンクをお送りしますので、メールアドレスを入力してください。',
    linkUsed: 'このリンクは既に使用されています。',
    notActivated: 'アカウントの取得がまだ完了していません。仮アカウント発行申請後にお送りしたメールに記載の URL からログインしてください。',
    currentPasswordWrong: '現在のパスワードが正しくありません。',
  },
  postal: {
    looking: '住所を検索しています…',
    found: '郵便番号から住所の一部を自動入力しました。必要に応じて、追加、修正してください。',
    notFound: 'この郵便番号に該当する住所が見つかりませんでした。郵便番号を確認するか、住所を直接入力してください。',
    invalid: '郵便番号は7桁の数字で入力してください（例：104-0061）。',
    failed: '住所を検索できませんでした。住所を直接入力してください。',
  },
  document: {
    version: '版：{{version}}',
    tooLarge: 'ファイルのサイズが大きすぎます。{{maxMb}}MB以下のPDFファイルを選択してください。',
    tooLarge_noParams: 'ファイルのサイズが大きすぎます。より小さいPDFファイルを選択してください。',
    notPdf: 'PDFファイルではありません。PDF形式のファイルを選択してください。',
    encrypted: 'パスワードなどで保護（暗号化）されたPDFはアップロードできません。保護を解除したPDFを選択してください。',
    unreadable: 'PDFファイルを読み取れませんでした。ファイルが壊れていないか確認し、作成し直したPDFを選択してください。',
    unknownSlot: 'この書類はアップロードの対象ではありません。画面を再読み込みしてください。',
    nameRequired: '書類の名称を入力してください。',
    nameTooLong: '書類の名称は100文字以内で入力してください。',
    uploadFailed:
      'アップロードできませんでした。通信状態を確認して、もう一度お試しください（ファイルが大きすぎる場合も、この表示になることがあります）。',
    notFound: '書類が見つかりませんでした。画面を再読み込みしてください。',
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
  organisation: {
    notSelected: '操作する法人を選択してください。',
    accessRevoked: 'この法人の情報を扱う権限が取り消されました。法人の管理者へお問い合わせください。',
    permissionMissing: 'この操作を行う権限がありません。法人の管理者へお問い合わせください。',
    notFound: '法人が見つかりませんでした。',
    draftChanged: 'ほかの画面（別のタブなど）で先に一時保存されたため、この内容は保存されていません。',
    corporateNumberInvalid: '法人番号が正しくありません。13桁の番号を確認してください。',
    postalCodeInvalid: '郵便番号は7桁の数字で入力してください（例：104-0061）。',
    kanaOnly: 'カタカナで入力してください。',
    changeRequestRequired: '入会後の会員情報の変更は、変更申請により行ってください。',
  },
  staff: {
    emailTaken: 'このメールアドレスの職員アカウントは既に登録されています。',
  },
  transition: {
    illegal: '現在の状態ではこの操作はできません。画面を再読み込みして状態を確認してください。',
    forbidden: 'この操作を行う権限がありません。',
    invalidInput: '入力内容に誤りがあります。各項目のメッセージを確認してください。',
    textRequired: '入力してください。',
    textTooLong: '{{max}}文字以内で入力してください。',
    textTooLong_noParams: '入力できる文字数を超えています。',
  },
  application: {
    lockedUnderReview: '申請は審査中のため変更できません。変更が必要な場合は事務局へお問い合わせください。',
    incomplete: '申請に必要な項目がまだ{{count}}件そろっていません。マイページで不足している項目を確認してください。',
    incomplete_noParams: '申請に必要な項目がまだそろっていません。マイページで不足している項目を確認してください。',
    notFound: '申請が見つかりませんでした。マイページから操作してください。',
    noContactEmail: '申請者の担当者メールアドレスが登録されていないため、通知を送れません。',
  },
  review: {
    noMinistryStaff: '所管省庁の職員が登録されていないため、承認依頼を送れません。テナント管理者に職員の登録を依頼してください。',
    checkReasonRequired: '「要修正」の場合は理由を入力してください。',
  },
  establishment: {
    notFound: '受入れ事業所が見つかりませんでした。削除された可能性があります。画面を再読み込みしてください。',
  },
  worker: {
    nameLatinInvalid: '在留カードのとおり、ローマ字（A〜Z）で入力してください。',
    nationalityInvalid: '国籍を一覧から選択してください。',
    establishmentRequired: '受入れ事業所を1か所以上選択してください。',
    notFound: '特定技能外国人の情報が見つかりませんでした。削除された可能性があります。マイページで確認してください。',
  },
  certificate: {
    alreadyDownloaded: '入会証明書は既にダウンロードされています。再度必要な場合は「入会証明書再発行申請」を行ってください。',
    alreadyDownloadedBy:
      '入会証明書は{{downloadedAt}}に{{downloadedBy}}さんがダウンロード済みです。入会証明書は一度しかダウンロードできません。再度必要な場合は「入会証明書再発行申請」を行ってください。',
    downloadInProgress: '入会証明書は現在ほかの画面でダウンロード中です。ダウンロードが終わらなかった場合は、数分後にもう一度お試しください。',
    preparing: '入会証明書を作成中です。作成が終わるとメールでお知らせします。しばらくしてからもう一度お試しください。',
    notFound: '入会証明書はまだ発行されていません。',
  },
  reissue: {
    certificateNotDownloaded: '入会証明書をまだダウンロードしていないため、再発行申請はできません。',
    alreadyRequested: '再発行申請は既に受け付けています。事務局の審査をお待ちください。',
    notFound: '再発行申請が見つかりませんでした。取り消されたか、既に処理された可能性があります。画面を再読み込みしてください。',
  },
  verify: {
    throttled: '照会の回数が多すぎます。{{minutes}}分ほど待ってから、もう一度お試しください。',
  },
  membership: {
    notActive: '協議会の会員ではないため、この操作はできません。',
    notesNotAcknowledged: '「退会に関する注意事項を読みました」にチェックを入れてください。',
  },
  changeRequest: {
    noItems: '変更内容がありません。変更する項目を入力してください。',
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
