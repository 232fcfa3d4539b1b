/** The left column's Spec / Sweep switch; the spec panel stays mounted (hidden) so the editor keeps its state. */
import type { ReactNode } from 'react';
import { useExplorer } from '../../store/context.js';
import { Panel } from '../../widgets/Panel.js';
import { SweepPanel } from './SweepPanel.js';

export function SpecOrSweep(props: { spec: ReactNode }) {
  const { shown, showSweep, points } = useExplorer((s) => ({ shown: s.sweepShown, showSweep: s.showSweep, points: s.sweepRun?.points.length ?? 0 }));
  return (
    <>
      <div className="spec-or-sweep tabs" role="tablist" aria-label="Spec or sweep">
        <button type="button" role="tab" data-testid="tab-spec" aria-selected={!shown} className={shown ? 'tab' : 'tab active'} onClick={() => showSweep(false)}>
          Spec
        </button>
        <button type="button" role="tab" data-testid="tab-sweep" aria-selected={shown} className={shown ? 'tab active' : 'tab'} onClick={() => showSweep(true)}>
          Sweep{points > 0 ? <span className="badge">{points}</span> : null}
        </button>
      </div>
      <div className="spec-or-sweep-spec" hidden={shown}>
        {props.spec}
      </div>
      {shown ? (
        <Panel title="Design-space sweep" className="sweep">
          <SweepPanel />
        </Panel>
      ) : null}
    </>
  );
}
