/** A titled chart with SVG and PNG downloads of what it draws. */
import { useRef, type ReactNode } from 'react';
import { useExplorer } from '../../store/context.js';
import { downloadBlob, downloadText, serializeChartSvg, svgToPng } from './export.js';

export function ChartCard(props: { title: string; testId: string; file: string; children: ReactNode; extra?: ReactNode; data?: Record<string, string | number> }) {
  const ref = useRef<HTMLDivElement>(null);
  const addNotice = useExplorer((s) => s.addNotice);
  const svgText = (): string | null => {
    const text = ref.current ? serializeChartSvg(ref.current) : null;
    if (text === null) addNotice(`The ${props.title} chart has nothing drawn to download yet.`);
    return text;
  };
  const saveSvg = () => {
    const text = svgText();
    if (text !== null) downloadText(`${props.file}.svg`, text, 'image/svg+xml');
  };
  const savePng = async () => {
    const text = svgText();
    if (text === null) return;
    try {
      downloadBlob(`${props.file}.png`, await svgToPng(text));
    } catch (thrown) {
      addNotice(`PNG export failed: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
    }
  };
  const dataAttributes = Object.fromEntries(Object.entries(props.data ?? {}).map(([k, v]) => [`data-${k}`, v]));
  return (
    <div className="result-view chart-card" data-testid={props.testId} {...dataAttributes}>
      <div className="chart-head">
        <h3>{props.title}</h3>
        {props.extra}
        <span className="chart-downloads">
          <button type="button" className="mini" title={`Download the ${props.title} chart as SVG`} onClick={saveSvg}>
            SVG
          </button>
          <button type="button" className="mini" title={`Download the ${props.title} chart as PNG`} onClick={() => void savePng()}>
            PNG
          </button>
        </span>
      </div>
      <div className="chart-body" ref={ref}>
        {props.children}
      </div>
    </div>
  );
}
