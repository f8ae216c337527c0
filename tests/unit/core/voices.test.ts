import { describe, expect, test } from 'vitest';
import { chooseVoice, offlineVoices, parseListenPrefs, primaryLang, type VoiceInfo } from '../../../src/core/voices';

const voice = (name: string, lang: string, localService = true, isDefault = false): VoiceInfo => ({
  name,
  lang,
  voiceURI: `uri:${name}`,
  localService,
  default: isDefault,
});

const VOICES = [
  voice('Net English', 'en-US', false),
  voice('Local English', 'en-US'),
  voice('Local British', 'en_GB'),
  voice('Net Portuguese', 'pt-BR', false),
  voice('Local Portugal', 'pt-PT'),
  voice('Local Brasil', 'pt-BR'),
  voice('Local Portuguese', 'pt'),
  voice('Net Ukrainian', 'uk-UA', false),
  voice('Local Spanish', 'es-ES', true, true),
];

const names = (vs: VoiceInfo[]) => vs.map((v) => v.name);

describe('on-device voices for a language', () => {
  test('never a network voice, whatever its language', () => {
    expect(names(offlineVoices(VOICES, 'uk'))).toEqual([]);
    expect(names(offlineVoices(VOICES, 'uk-UA'))).toEqual([]);
    for (const v of offlineVoices(VOICES, 'en')) {
      expect(v.localService).toBe(true);
    }
  });

  test('pt-BR falls back to pt, then to other regions, closest first', () => {
    expect(names(offlineVoices(VOICES, 'pt-BR'))).toEqual(['Local Brasil', 'Local Portugal', 'Local Portuguese']);
    expect(names(offlineVoices(VOICES, 'pt'))).toEqual(['Local Portugal', 'Local Brasil', 'Local Portuguese']);
  });

  test('tags are compared in one spelling (Android underscores, any case)', () => {
    expect(names(offlineVoices(VOICES, 'EN-gb'))).toEqual(['Local British', 'Local English']);
    expect(primaryLang('pt_BR')).toBe('pt');
  });

  test('a language that shares only a prefix of letters does not match', () => {
    expect(offlineVoices([voice('Ukrainian', 'uk-UA')], 'u')).toEqual([]);
    expect(offlineVoices([voice('English', 'en-US')], '')).toEqual([]);
    expect(offlineVoices([voice('Estonian', 'et-EE')], 'es')).toEqual([]);
  });

  test('the remembered choice wins while it is offered; else the best fit', () => {
    const offered = offlineVoices(VOICES, 'pt-BR');
    expect(chooseVoice(offered, 'uri:Local Portugal')?.name).toBe('Local Portugal');
    expect(chooseVoice(offered, 'uri:Net Portuguese')?.name).toBe('Local Brasil');
    expect(chooseVoice(offered, undefined)?.name).toBe('Local Brasil');
    expect(chooseVoice<VoiceInfo>([], 'uri:x')).toBeUndefined();
  });
});

describe('read-aloud preferences', () => {
  test('valid values are kept; anything else falls back to the defaults', () => {
    expect(parseListenPrefs({ rate: 1.5, voices: { pt: 'uri:a', 'pt-BR': 'bad', uk: 3 }, continueNext: true })).toEqual({
      rate: 1.5,
      voices: { pt: 'uri:a' },
      continueNext: true,
    });
    expect(parseListenPrefs({ rate: 9, continueNext: 'yes' })).toEqual({ rate: 1, voices: {}, continueNext: false });
    expect(parseListenPrefs(null)).toEqual({ rate: 1, voices: {}, continueNext: false });
  });
});
