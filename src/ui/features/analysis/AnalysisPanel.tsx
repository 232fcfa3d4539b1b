/** Analysis views under the results: ski slope, roofline, area and leak, and the comparison of pinned results. */
import { useExplorer } from '../../store/context.js';
import type { AnalysisTab } from '../../store/analysis-slice.js';
import { AreaLeakView } from './AreaLeakView.js';
import { CompareView } from './CompareView.js';
import { PinButton } from './PinButton.js';
import { RooflineView } from './RooflineView.js';
import { SkiSlopeView } from './SkiSlopeView.js';
import './analysis.css';

const TABS: readonly { readonly id: AnalysisTab; readonly label: string }[] = [
  { id: 'ski-slope', label: 'Ski slope' },
  { id: 'roofline', label: 'Roofline' },
  { id: 'area', label: 'Area & leak' },
  { id: 'compare', label: 'Compare' },
];

export function AnalysisPanel() {
  const { tab, setTab, pins } = useExplorer((s) => ({ tab: s.analysisTab, setTab: s.setAnalysisTab, pins: s.pins.length }));
  return (
    <section className="analysis" data-testid="analysis" data-tab={tab}>
      <div className="tabs analysis-tabs" role="tablist" aria-label="Analysis views">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" data-testid={`analysis-tab-${t.id}`} aria-selected={tab === t.id} className={tab === t.id ? 'tab active' : 'tab'}
            onClick={() => setTab(t.id)}>
            {t.label}
            {t.id === 'compare' && pins > 0 ? <span className="badge">{pins}</span> : null}
          </button>
        ))}
        <span className="analysis-tab-actions">
          <PinButton />
        </span>
      </div>
      <div className="analysis-body" role="tabpanel">
        {tab === 'ski-slope' ? <SkiSlopeView /> : null}
        {tab === 'roofline' ? <RooflineView /> : null}
        {tab === 'area' ? <AreaLeakView /> : null}
        {tab === 'compare' ? <CompareView /> : null}
      </div>
    </section>
  );
}
