import { describe, expect, it } from 'vitest';
import { htmlToText } from './html-text';

describe('htmlToText', () => {
	it('keeps paragraphs and list items as lines', () => {
		expect(
			htmlToText('<p>Hot&nbsp;drinks</p><ul><li>Tea</li><li>Coffee</li></ul><p>Free</p>')
		).toBe('Hot drinks\n\n• Tea\n• Coffee\n\nFree');
	});

	it('drops scripts, styles, comments and every tag', () => {
		const text = htmlToText(
			'<script>alert(1)</script><style>p{}</style><!-- x --><img src=x onerror=alert(1)><b>Bold</b> <a href="javascript:x">link</a>'
		);
		expect(text).toBe('Bold link');
	});

	it('decodes entities once, so escaped markup stays text', () => {
		expect(htmlToText('Fish &amp; chips &lt;b&gt; &#163;3 &#x2014; &pound;4')).toBe(
			'Fish & chips <b> £3 — £4'
		);
		expect(htmlToText('<p><br></p>')).toBe('');
		expect(htmlToText('&#0;&#xD800;ok')).toBe('ok');
	});
});
