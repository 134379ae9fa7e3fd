/**
 * Whether an effect may be as large as `minimumEffect` in the hypothesised direction (`greater`:
 * up, `less`: down, `two-sided`: the direction of the estimate): the confidence interval's bound
 * on that side reaches it. A significant shift whose interval lies wholly below the minimum is
 * real but negligible, and is not flagged. With no interval the point estimate is used.
 */
export function reachesMinimumEffect(
  effect: { value: number | null; ci?: { lower: number; upper: number } | undefined },
  alternative: 'two-sided' | 'greater' | 'less',
  minimumEffect: number,
): boolean {
  if (effect.value === null) return false;
  if (minimumEffect === 0) return true;
  const direction = alternative === 'greater' ? 1 : alternative === 'less' ? -1 : effect.value >= 0 ? 1 : -1;
  const bound = effect.ci ? (direction > 0 ? effect.ci.upper : effect.ci.lower) : effect.value;
  return direction * bound >= minimumEffect;
}

/** Flagged: the corrected p-value is below `alpha` and the effect may reach the minimum effect. */
export function isFlagged(
  pAdjusted: number | null,
  effect: { value: number | null; ci?: { lower: number; upper: number } | undefined },
  settings: { alpha: number; alternative: 'two-sided' | 'greater' | 'less'; minimumEffect: number },
): boolean {
  return (
    pAdjusted !== null &&
    pAdjusted < settings.alpha &&
    reachesMinimumEffect(effect, settings.alternative, settings.minimumEffect)
  );
}
