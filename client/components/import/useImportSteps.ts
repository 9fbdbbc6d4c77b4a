import { useEffect, useRef, useState } from 'react';

/** The steps of an import on its page: a file to choose, then its preview, then the answer to its commit. */
export function useImportSteps<Preview, Result>() {
  const [preview, setPreview] = useState<Preview | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [previewsShown, setPreviewsShown] = useState(0);
  const previewHeading = useRef<HTMLHeadingElement>(null);

  // The answer to the upload replaces the form: take the reader there, once the preview's
  // heading is on the page (an effect runs after React has drawn it; a frame may come before).
  useEffect(() => {
    if (previewsShown > 0) previewHeading.current?.focus();
  }, [previewsShown]);

  function showPreview(next: Preview) {
    setPreview(next);
    setResult(null);
    setPreviewsShown((count) => count + 1);
  }

  function startOver() {
    setPreview(null);
    setResult(null);
  }

  return { preview, result, previewHeading, showPreview, showResult: setResult, startOver };
}
