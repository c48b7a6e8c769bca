/**
 * Test support shared by all test layers: {@link studio.imgen.testsupport.FakeOpenAi}, an in-process fake of the
 * OpenAI API with fault injection and request recording, plus small image helpers.
 */
package studio.imgen.testsupport;
