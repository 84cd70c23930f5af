import { createContext, useContext, type ReactNode } from 'react';
import type { AppInfo } from '../../../shared/contract/app';

const AppInfoContext = createContext<AppInfo | null>(null);

export function AppInfoProvider({ info, children }: Readonly<{ info: AppInfo; children: ReactNode }>) {
  return <AppInfoContext.Provider value={info}>{children}</AppInfoContext.Provider>;
}

/** The signed-in user and host, as loaded at start. */
export function useAppInfo(): AppInfo {
  const info = useContext(AppInfoContext);
  if (!info) throw new Error('useAppInfo() outside <AppInfoProvider>');
  return info;
}
