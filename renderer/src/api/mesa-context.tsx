import { createContext, useContext, type ReactNode } from 'react';
import type { MesaApi } from '../../../shared/contract/api';

const MesaContext = createContext<MesaApi | null>(null);

export function MesaProvider({ api, children }: Readonly<{ api: MesaApi; children: ReactNode }>) {
  return <MesaContext.Provider value={api}>{children}</MesaContext.Provider>;
}

export function useMesa(): MesaApi {
  const api = useContext(MesaContext);
  if (!api) throw new Error('useMesa() outside <MesaProvider>');
  return api;
}
