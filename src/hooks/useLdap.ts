// LDAP knowledge for the page's life: server status once, each user's LDAP mapping on demand
// (cached until the admin refreshes).
import { useCallback, useEffect, useRef, useState } from 'react';
import { config } from '@grafana/runtime';

import { getLdapMapping, getLdapStatus } from '../api/client';
import { toApiError } from '../api/errors';
import { LdapServerStatus, LdapUserMapping } from '../api/types';
import { Explanation, explainError } from '../model/explain';
import { forEachLimited } from './pool';

export interface MappingState {
  mapping?: LdapUserMapping;
  error?: Explanation;
  /** 404 from Grafana: the LDAP servers have no such user. */
  notInDirectory?: boolean;
}

export interface Ldap {
  enabled: boolean;
  servers?: LdapServerStatus[];
  statusError?: Explanation;
  mappings: ReadonlyMap<string, MappingState>;
  loadMapping: (login: string) => Promise<MappingState>;
  loadMappings: (logins: string[]) => Promise<void>;
  /** Forget cached mappings (the directory may have changed). */
  forget: () => void;
}

const CONCURRENCY = 6;

export function useLdap(): Ldap {
  const enabled = Boolean(config.ldapEnabled);
  const [servers, setServers] = useState<LdapServerStatus[]>();
  const [statusError, setStatusError] = useState<Explanation>();
  const [mappings, setMappings] = useState<ReadonlyMap<string, MappingState>>(new Map());
  const cache = useRef(new Map<string, Promise<MappingState>>());

  useEffect(() => {
    if (!enabled) {
      return;
    }
    const controller = new AbortController();
    getLdapStatus(controller.signal)
      .then((result) => !controller.signal.aborted && setServers(result))
      .catch((error) => !controller.signal.aborted && setStatusError(explainError(error)));
    return () => controller.abort();
  }, [enabled]);

  const loadMapping = useCallback((login: string) => {
    let pending = cache.current.get(login);
    if (!pending) {
      pending = getLdapMapping(login)
        .then((mapping): MappingState => ({ mapping }))
        .catch((error): MappingState => {
          const apiError = toApiError(error, 'GET', `/api/admin/ldap/${login}`);
          return { error: explainError(apiError), notInDirectory: apiError.status === 404 };
        })
        .then((state) => {
          setMappings((current) => new Map(current).set(login, state));
          return state;
        });
      cache.current.set(login, pending);
    }
    return pending;
  }, []);

  const loadMappings = useCallback(
    (logins: string[]) => forEachLimited(logins, CONCURRENCY, async (login) => void (await loadMapping(login))),
    [loadMapping]
  );

  const forget = useCallback(() => {
    cache.current.clear();
    setMappings(new Map());
  }, []);

  return { enabled, servers, statusError, mappings, loadMapping, loadMappings, forget };
}
