'use client';

// Last resort when the root layout itself fails: no providers are available, so both languages are shown.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="zh-CN">
      <body style={{ fontFamily: 'system-ui, sans-serif', padding: '2rem' }}>
        <h1>出错了 · Something went wrong</h1>
        <p>页面加载时发生意外错误。An unexpected error happened.</p>
        <button type="button" onClick={reset} style={{ minHeight: '2.75rem', padding: '0 1rem' }}>
          重试 · Try again
        </button>
      </body>
    </html>
  );
}
