import { useRef, useState } from 'react';

/** The steps of an import on its page: a file to choose, then its preview, then the answer to its commit. */
export function useImportSteps<Preview, Result>() {
  const [preview, setPreview] = useState<Preview | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);

  function showPreview(next: Preview) {
    setPreview(next);
    setResult(null);
    // The answer to the upload replaces the form: take the reader there.
    requestAnimationFrame(() => previewHeading.current?.focus());
  }

  function startOver() {
    setPreview(null);
    setResult(null);
  }

  return { preview, result, previewHeading, showPreview, showResult: setResult, startOver };
}
