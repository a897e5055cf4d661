using RichardSzalay.MockHttp;

namespace Stripe.Connect.Client.Tests.Support;

/// <summary>Answers a MockHttp handler from a script, in order (the last answer repeats), recording every request it saw.</summary>
internal static class ScriptedResponses
{
    /// <summary>Makes <paramref name="mock"/> answer every request with the next of <paramref name="answers"/> and add it to <paramref name="requests"/>.</summary>
    /// <param name="mock">The handler.</param>
    /// <param name="requests">Where the requests go, in order; locked while one is added, so retries on other threads are safe.</param>
    /// <param name="answers">One factory per answer: each call needs a fresh response.</param>
    public static void Respond(MockHttpMessageHandler mock, List<HttpRequestMessage> requests, params Func<HttpResponseMessage>[] answers)
    {
        var index = 0;
        mock.When("*").Respond(request =>
        {
            lock (requests)
            {
                requests.Add(request);
                return Task.FromResult(answers[Math.Min(index++, answers.Length - 1)]());
            }
        });
    }
}
