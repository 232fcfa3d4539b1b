/** A titled panel with its own error boundary. */
import type { ReactNode } from 'react';
import { PanelBoundary } from './PanelBoundary.js';

export function Panel(props: { title: string; className?: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <section className={`panel ${props.className ?? ''}`} aria-label={props.title}>
      <header className="panel-header">
        <h2>{props.title}</h2>
        {props.actions}
      </header>
      <div className="panel-body">
        <PanelBoundary name={props.title}>{props.children}</PanelBoundary>
      </div>
    </section>
  );
}

/** The honest empty state for a result view that has nothing to show yet. */
export function EmptyState(props: { children: ReactNode }) {
  return <p className="empty-state">{props.children}</p>;
}
