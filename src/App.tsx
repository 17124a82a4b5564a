import React from 'react';
import { AppRootProps } from '@grafana/data';

export function App(_props: AppRootProps) {
  return <div>Session Control</div>;
}
