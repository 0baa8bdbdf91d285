/**
 * {@code CallChannel} over the Event Socket: each action of a flow as the dialplan applications FreeSWITCH runs
 * ({@code playback}, {@code speak}, {@code play_and_get_digits}, {@code play_and_detect_speech}, {@code bridge},
 * {@code callcenter}, ...), with every argument from a flow checked and escaped ({@link dev.ivrflow.esl.channel.FsArgs})
 * and every result read from the completion event's channel variables, as the captures show them.
 */
package dev.ivrflow.esl.channel;
