/** Two columns with a draggable divider; the split is a fraction owned by the caller. */
import { useRef, type PointerEvent, type ReactNode } from 'react';

export function SplitPane(props: { fraction: number; onChange(fraction: number): void; left: ReactNode; right: ReactNode }) {
  const container = useRef<HTMLDivElement>(null);

  const onMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!event.currentTarget.hasPointerCapture(event.pointerId) || container.current === null) return;
    const box = container.current.getBoundingClientRect();
    props.onChange((event.clientX - box.left) / box.width);
  };

  const left = props.fraction.toFixed(3);
  const right = (1 - props.fraction).toFixed(3);
  return (
    <div
      ref={container}
      className="split-pane"
      style={{ gridTemplateColumns: `minmax(0, ${left}fr) 8px minmax(0, ${right}fr)` }}
    >
      {props.left}
      <div
        className="split-divider"
        role="separator"
        aria-orientation="vertical"
        aria-valuenow={Math.round(props.fraction * 100)}
        onPointerDown={(e) => e.currentTarget.setPointerCapture(e.pointerId)}
        onPointerMove={onMove}
        onDoubleClick={() => props.onChange(0.5)}
      />
      {props.right}
    </div>
  );
}
