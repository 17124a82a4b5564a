import React, { Component, ReactNode } from 'react';

import { ErrorBox } from './ErrorBox';
import { SandboxPluginPage } from './SandboxPluginPage';

interface Props {
  title: string;
  children: ReactNode;
}

/** Keeps a plugin that throws while rendering from blanking the page: its error is shown instead. */
export class RenderErrorBoundary extends Component<Props, { error?: Error }> {
  state: { error?: Error } = {};

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  render() {
    const { error } = this.state;
    if (!error) {
      return this.props.children;
    }
    return (
      <SandboxPluginPage>
        <ErrorBox title={this.props.title} error={error} />
      </SandboxPluginPage>
    );
  }
}
