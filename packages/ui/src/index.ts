export { createActivityTracker, USER_ACTIVITY_HEADER, USER_ACTIVITY_WINDOW_MS, type ActivityTracker } from './lib/activity';
export { apiErrorKey, formErrorsFromApiError, hasFormErrors, NO_FORM_ERRORS, type FormErrors } from './lib/form-errors';
export {
  appLocationFromPath,
  currentAppLocation,
  tenantLocationFromPath,
  type AppLocation,
  type AppName,
  type TenantLocation,
} from './lib/tenant-prefix';
export { createTrpcTransport, isBackgroundOperation, type OperationContextFlags, type TrpcTransport } from './lib/trpc-transport';
export { createI18n, DEFAULT_LANGUAGE, isLanguage, LANGUAGES, translateMessage, type Language, type Message } from './i18n/create-i18n';
export { uiJa, type CatalogueOf, type UiCatalogue } from './i18n/ja';
export { uiEn } from './i18n/en';
export { CheckboxField, type CheckboxFieldProps } from './components/checkbox-field';
export {
  ComboboxField,
  filterOptions,
  normaliseForSearch,
  type ComboboxFieldProps,
  type ComboboxOption,
} from './components/combobox-field';
export { DocumentPanel, type DocumentPanelProps } from './components/document-panel';
export { ModalDialog, type ModalDialogProps } from './components/modal-dialog';
export { PasswordRuleChecklist, type PasswordRuleChecklistProps } from './components/password-rules';
export { formatBytes, formatDate, formatDateTime, formatTime } from './lib/format';
export { AppLayout, tenantDisplayName, type AppLayoutProps, type TenantBranding } from './components/app-layout';
export { ErrorSummary, type ErrorSummaryItem, type ErrorSummaryProps } from './components/error-summary';
export {
  broadcastSignedOut,
  formatRemaining,
  IdleTimeoutGuard,
  sessionChannelName,
  STATUS_POLL_INTERVAL_MS,
  type IdleTimeoutGuardProps,
  type SessionEndReason,
  type SessionStatusSnapshot,
} from './components/idle-timeout-guard';
export { LanguageSwitch } from './components/language-switch';
export { Notice } from './components/notice';
export { PageHeading, useDocumentTitle, useFocusHeadingOnNavigation } from './components/page';
export { ProgressBar, type ProgressBarProps } from './components/progress-bar';
export { SelectField, type SelectFieldProps, type SelectOption } from './components/select-field';
export { TextField, type TextFieldProps } from './components/text-field';
export { requiredFieldErrors, useFormErrors, type FormFieldInfo, type UseFormErrorsResult } from './lib/use-form-errors';
export { SignedInFrame, type SignedInFrameProps, useSignOutFlow } from './components/signed-in-frame';
