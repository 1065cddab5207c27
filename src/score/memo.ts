/**
 * `compute` with the answers for the keys met kept in a map, emptied when it holds `limit` of them:
 * a cache (any answer can be computed again) for characters too many to table, astral ones most often.
 */
export function memoized(limit: number, compute: (key: number) => number): (key: number) => number {
  const answers = new Map<number, number>();
  return (key) => {
    let answer = answers.get(key);
    if (answer === undefined) {
      if (answers.size >= limit) answers.clear();
      answer = compute(key);
      answers.set(key, answer);
    }
    return answer;
  };
}
