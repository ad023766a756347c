package dev.krag.stages.edit;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MOV_TEXT;
import static org.bytedeco.ffmpeg.global.avcodec.AV_INPUT_BUFFER_PADDING_SIZE;
import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_SUBTITLE;
import static org.bytedeco.ffmpeg.global.avutil.av_compare_ts;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_malloc;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Joins the film's picture, its sound and a soft subtitle track into one MP4 with FFmpeg's format
 * library: the picture and the sound come encoded in files of their own (so they can be made at
 * the same time on two threads), their packets are copied as they are, interleaved by time, and
 * each cue becomes a 3GPP timed-text (mov_text) sample, which QuickTime, browsers and VLC all
 * show. JavaCV's recorder has no subtitle streams.
 */
final class FilmMux {

  private static final AVRational MILLISECONDS = av_make_q(1, 1000);

  private FilmMux() {}

  /** Every stream of {@code inputs}, then the cues as a subtitle stream, muxed into {@code out} with fast start. */
  static void join(List<Path> inputs, List<Subtitles.Cue> cues, Path out) throws IOException {
    List<AVFormatContext> opened = new ArrayList<>();
    AVFormatContext output = new AVFormatContext(null);
    try {
      check(avformat_alloc_output_context2(output, null, "mp4", out.toString()), "create " + out);
      List<Integer> firstStream = new ArrayList<>();
      for (Path in : inputs) {
        AVFormatContext input = new AVFormatContext(null);
        check(avformat_open_input(input, in.toString(), null, null), "open " + in);
        opened.add(input);
        check(avformat_find_stream_info(input, (PointerPointer<?>) null), "read the streams of " + in);
        firstStream.add(output.nb_streams());
        for (int i = 0; i < input.nb_streams(); i++) {
          AVStream copy = avformat_new_stream(output, null);
          check(avcodec_parameters_copy(copy.codecpar(), input.streams(i).codecpar()), "copy stream " + i + " of " + in);
          copy.codecpar().codec_tag(0);
          copy.time_base(input.streams(i).time_base());
        }
      }
      AVStream text = textStream(output);
      AVIOContext io = new AVIOContext(null);
      check(avio_open(io, out.toString(), AVIO_FLAG_WRITE), "write " + out);
      output.pb(io);
      AVDictionary options = new AVDictionary(null);
      av_dict_set(options, "movflags", "+faststart", 0);
      check(avformat_write_header(output, options), "write the header of " + out);
      av_dict_free(options);
      writeCues(output, text, cues);
      copyPackets(opened, firstStream, output);
      check(av_write_trailer(output), "finish " + out);
    } finally {
      for (AVFormatContext input : opened) {
        avformat_close_input(input);
      }
      if (output.pb() != null) {
        avio_closep(output.pb());
      }
      avformat_free_context(output);
    }
  }

  private static AVStream textStream(AVFormatContext output) {
    AVStream text = avformat_new_stream(output, null);
    text.codecpar().codec_type(AVMEDIA_TYPE_SUBTITLE);
    text.codecpar().codec_id(AV_CODEC_ID_MOV_TEXT);
    byte[] description = sampleDescription();
    BytePointer extradata = new BytePointer(av_malloc(description.length + AV_INPUT_BUFFER_PADDING_SIZE))
        .capacity(description.length + AV_INPUT_BUFFER_PADDING_SIZE);
    extradata.put(description).put(description.length, (byte) 0);
    text.codecpar().extradata(extradata).extradata_size(description.length);
    text.time_base(MILLISECONDS);
    AVDictionary metadata = new AVDictionary(null);
    av_dict_set(metadata, "language", "eng", 0);
    text.metadata(metadata);
    return text;
  }

  private static void writeCues(AVFormatContext output, AVStream text, List<Subtitles.Cue> cues) throws IOException {
    for (Subtitles.Cue cue : cues) {
      byte[] sample = sample(cue.text());
      AVPacket packet = av_packet_alloc();
      try {
        check(av_new_packet(packet, sample.length), "allocate a subtitle packet");
        packet.data().put(sample);
        long start = av_rescale_q(Math.round(cue.start() * 1000), MILLISECONDS, text.time_base());
        long end = av_rescale_q(Math.round(cue.end() * 1000), MILLISECONDS, text.time_base());
        packet.stream_index(text.index()).pts(start).dts(start).duration(end - start);
        check(av_interleaved_write_frame(output, packet), "write a subtitle");
      } finally {
        av_packet_free(packet);
      }
    }
  }

  /**
   * The inputs' packets, earliest first across inputs, so the muxer interleaves them as it goes
   * rather than holding one input's packets in memory until the other's arrive.
   */
  private static void copyPackets(List<AVFormatContext> inputs, List<Integer> firstStream, AVFormatContext output)
      throws IOException {
    List<AVPacket> pending = new ArrayList<>();
    try {
      for (AVFormatContext input : inputs) {
        AVPacket packet = av_packet_alloc();
        pending.add(packet);
        if (av_read_frame(input, packet) < 0) {
          av_packet_free(packet);
          pending.set(pending.size() - 1, null);
        }
      }
      for (int next = earliest(inputs, pending); next >= 0; next = earliest(inputs, pending)) {
        AVPacket packet = pending.get(next);
        int stream = packet.stream_index();
        int target = firstStream.get(next) + stream;
        av_packet_rescale_ts(packet, inputs.get(next).streams(stream).time_base(), output.streams(target).time_base());
        packet.stream_index(target).pos(-1);
        check(av_interleaved_write_frame(output, packet), "copy a packet");
        av_packet_unref(packet);
        if (av_read_frame(inputs.get(next), packet) < 0) {
          av_packet_free(packet);
          pending.set(next, null);
        }
      }
    } finally {
      pending.stream().filter(Objects::nonNull).forEach(p -> av_packet_free(p));
    }
  }

  /** The input whose pending packet comes first in time, or −1 when all are read. */
  private static int earliest(List<AVFormatContext> inputs, List<AVPacket> pending) {
    int best = -1;
    for (int i = 0; i < pending.size(); i++) {
      AVPacket p = pending.get(i);
      if (p != null && (best < 0 || av_compare_ts(p.dts(), timeBase(inputs, i, p), pending.get(best).dts(),
          timeBase(inputs, best, pending.get(best))) < 0)) {
        best = i;
      }
    }
    return best;
  }

  private static AVRational timeBase(List<AVFormatContext> inputs, int input, AVPacket packet) {
    return inputs.get(input).streams(packet.stream_index()).time_base();
  }

  /** A timed-text sample: the text's length in two bytes, then the text in UTF-8. */
  static byte[] sample(String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(2 + utf8.length).putShort((short) utf8.length).put(utf8).array();
  }

  /**
   * The 'tx3g' sample description (3GPP TS 26.245): no scrolling, text centred at the bottom on a
   * transparent box, one style (font 1, 5 % of the height, white) and a font table naming Serif.
   */
  static byte[] sampleDescription() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer b = ByteBuffer.allocate(64);
    b.putInt(0);                      // display flags
    b.put((byte) 1).put((byte) -1);   // horizontal: centre; vertical: bottom
    b.putInt(0);                      // background colour, RGBA: transparent
    b.putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0); // default text box
    b.putShort((short) 0).putShort((short) 0);   // style record: first and last character
    b.putShort((short) 1).put((byte) 0).put((byte) 18); // font id, face style, font size
    b.putInt(0xFFFFFFFF);             // text colour, RGBA: white
    byte[] font = "Serif".getBytes(StandardCharsets.US_ASCII);
    b.putInt(8 + 2 + 2 + 1 + font.length).put("ftab".getBytes(StandardCharsets.US_ASCII));
    b.putShort((short) 1).putShort((short) 1).put((byte) font.length).put(font);
    out.write(b.array(), 0, b.position());
    return out.toByteArray();
  }

  private static void check(int code, String what) throws IOException {
    if (code < 0) {
      throw new IOException("FFmpeg could not " + what + " (error " + code + ")");
    }
  }
}
